--
-- PostgreSQL database dump
--

-- Dumped from database version 13.16
-- Dumped by pg_dump version 13.16

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

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: databasechangeloglock; Type: TABLE; Schema: public; Owner: api
--

CREATE TABLE public.databasechangeloglock (
    id integer NOT NULL,
    locked boolean NOT NULL,
    lockgranted timestamp without time zone,
    lockedby character varying(255)
);


ALTER TABLE public.databasechangeloglock OWNER TO api;

--
-- Name: knex_migrations_lock; Type: TABLE; Schema: public; Owner: api
--

CREATE TABLE public.knex_migrations_lock (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.knex_migrations_lock OWNER TO api;

--
-- Name: migrations_lock_audit; Type: TABLE; Schema: public; Owner: api
--

CREATE TABLE public.migrations_lock_audit (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.migrations_lock_audit OWNER TO api;

--
-- Name: tickets; Type: TABLE; Schema: public; Owner: api
--

CREATE TABLE public.tickets (
    id integer NOT NULL,
    subject text NOT NULL,
    body text,
    locked boolean DEFAULT false NOT NULL
);


ALTER TABLE public.tickets OWNER TO api;

--
-- Data for Name: databasechangeloglock; Type: TABLE DATA; Schema: public; Owner: api
--

INSERT INTO public.databasechangeloglock VALUES (1, true, '2022-11-08 16:40:12.5', 'api-6f7d9b-qx2 (10.1.2.3)');


--
-- Data for Name: knex_migrations_lock; Type: TABLE DATA; Schema: public; Owner: api
--

INSERT INTO public.knex_migrations_lock VALUES (1, 1);


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: public; Owner: api
--

INSERT INTO public.migrations_lock_audit VALUES (1, 1);


--
-- Data for Name: tickets; Type: TABLE DATA; Schema: public; Owner: api
--

INSERT INTO public.tickets VALUES (1, 'Can''t deploy', 'liquibase waits forever:
"Waiting for changelog lock...."', true);
INSERT INTO public.tickets VALUES (2, 'Windows path', 'C:\deploy\api\ ends in a backslash \', false);
INSERT INTO public.tickets VALUES (3, 'Pasted SQL', 'INSERT INTO public.databasechangeloglock VALUES (1, true, NULL, NULL);
INSERT INTO public.knex_migrations_lock VALUES (1, 1);', true);
INSERT INTO public.tickets VALUES (4, 'Ümlaut ✔ 表', 'raw tab	here, quote '' and a backslash \ inside', false);


--
-- Name: databasechangeloglock databasechangeloglock_pkey; Type: CONSTRAINT; Schema: public; Owner: api
--

ALTER TABLE ONLY public.databasechangeloglock
    ADD CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (id);


--
-- Name: knex_migrations_lock knex_migrations_lock_pkey; Type: CONSTRAINT; Schema: public; Owner: api
--

ALTER TABLE ONLY public.knex_migrations_lock
    ADD CONSTRAINT knex_migrations_lock_pkey PRIMARY KEY (index);


--
-- PostgreSQL database dump complete
--

