--
-- PostgreSQL database dump
--

-- Dumped from database version 11.22 (Debian 11.22-1.pgdg110+1)
-- Dumped by pg_dump version 11.22 (Debian 11.22-1.pgdg110+1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: relock(); Type: FUNCTION; Schema: public; Owner: inventory
--

CREATE FUNCTION public.relock() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
BEGIN
  -- not data: a body that writes the lock table
  UPDATE public.databasechangeloglock SET locked = true, lockedby = 'trigger $1' WHERE id = 1;
  INSERT INTO public.knex_migrations_lock (index, is_locked) VALUES (1, 1);
  RETURN NEW;
END;
$_$;


ALTER FUNCTION public.relock() OWNER TO inventory;

SET default_tablespace = '';

SET default_with_oids = false;

--
-- Name: databasechangelog; Type: TABLE; Schema: public; Owner: inventory
--

CREATE TABLE public.databasechangelog (
    id character varying(255) NOT NULL,
    author character varying(255) NOT NULL,
    filename character varying(255) NOT NULL,
    dateexecuted timestamp without time zone NOT NULL,
    orderexecuted integer NOT NULL,
    exectype character varying(10) NOT NULL,
    md5sum character varying(35),
    description character varying(255),
    comments character varying(255),
    tag character varying(255),
    liquibase character varying(20),
    contexts character varying(255),
    labels character varying(255),
    deployment_id character varying(10)
);


ALTER TABLE public.databasechangelog OWNER TO inventory;

--
-- Name: databasechangeloglock; Type: TABLE; Schema: public; Owner: inventory
--

CREATE TABLE public.databasechangeloglock (
    id integer NOT NULL,
    locked boolean NOT NULL,
    lockgranted timestamp without time zone,
    lockedby character varying(255)
);


ALTER TABLE public.databasechangeloglock OWNER TO inventory;

--
-- Name: items; Type: TABLE; Schema: public; Owner: inventory
--

CREATE TABLE public.items (
    id integer NOT NULL,
    sku text NOT NULL,
    note text DEFAULT E'ends with a backslash \\'::text,
    locked boolean DEFAULT false NOT NULL
);


ALTER TABLE public.items OWNER TO inventory;

--
-- Name: knex_migrations_lock; Type: TABLE; Schema: public; Owner: inventory
--

CREATE TABLE public.knex_migrations_lock (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.knex_migrations_lock OWNER TO inventory;

--
-- Name: migrations_lock_audit; Type: TABLE; Schema: public; Owner: inventory
--

CREATE TABLE public.migrations_lock_audit (
    id integer NOT NULL,
    locked boolean NOT NULL,
    lockgranted timestamp without time zone,
    lockedby character varying(255)
);


ALTER TABLE public.migrations_lock_audit OWNER TO inventory;

--
-- Data for Name: databasechangelog; Type: TABLE DATA; Schema: public; Owner: inventory
--

COPY public.databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, description, comments, tag, liquibase, contexts, labels, deployment_id) FROM stdin;
1622628919-1	ana	db/changelog/db.changelog-master.yaml	2021-06-02 10:15:20.104	1	EXECUTED	8:1a2b3c4d5e6f708192a3b4c5d6e7f809	createTable tableName=items		\N	4.3.5	\N	\N	2628919904
1622628919-2	ana	db/changelog/db.changelog-master.yaml	2021-06-02 10:15:20.311	2	EXECUTED	8:f0e1d2c3b4a5968778695a4b3c2d1e0f	sql	1\tt\t2021-06-02 10:15:31.123\tdeploy-bot\n\\.	\N	4.3.5	\N	\N	2628919904
\.


--
-- Data for Name: databasechangeloglock; Type: TABLE DATA; Schema: public; Owner: inventory
--

COPY public.databasechangeloglock (id, locked, lockgranted, lockedby) FROM stdin;
1	f	\N	\N
\.


--
-- Data for Name: items; Type: TABLE DATA; Schema: public; Owner: inventory
--

COPY public.items (id, sku, note, locked) FROM stdin;
1	WID-001	Kühlschrank, "groß"; it's 2 m tall	t
2	WID-002	path C:\\stock\\ ends in a backslash\\	f
3	WID-003	COPY public.databasechangeloglock (id, locked, lockgranted, lockedby) FROM stdin;\n1\tt\t\\N\t\\N\n\\.	t
4	WID-004	\N	f
\.


--
-- Data for Name: knex_migrations_lock; Type: TABLE DATA; Schema: public; Owner: inventory
--

COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
1	0
\.


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: public; Owner: inventory
--

COPY public.migrations_lock_audit (id, locked, lockgranted, lockedby) FROM stdin;
1	t	2021-06-02 10:15:31.123	deploy-bot-5c9d (10.0.0.8)
\.


--
-- Name: databasechangeloglock databasechangeloglock_pkey; Type: CONSTRAINT; Schema: public; Owner: inventory
--

ALTER TABLE ONLY public.databasechangeloglock
    ADD CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (id);


--
-- Name: items items_pkey; Type: CONSTRAINT; Schema: public; Owner: inventory
--

ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);


--
-- Name: knex_migrations_lock knex_migrations_lock_pkey; Type: CONSTRAINT; Schema: public; Owner: inventory
--

ALTER TABLE ONLY public.knex_migrations_lock
    ADD CONSTRAINT knex_migrations_lock_pkey PRIMARY KEY (index);


--
-- Name: items items_relock; Type: TRIGGER; Schema: public; Owner: inventory
--

CREATE TRIGGER items_relock AFTER UPDATE ON public.items FOR EACH ROW EXECUTE PROCEDURE public.relock();


--
-- PostgreSQL database dump complete
--

