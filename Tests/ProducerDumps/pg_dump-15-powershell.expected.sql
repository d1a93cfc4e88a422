--
-- PostgreSQL database dump
--

\restrict Jm4Vx8PqRt2Lk0NbWc6Ys1Hd9Fg3Ua7Ze5Oi2Ql8Kv4Tn0Rw6Xp1Cb3Dm9Es

-- Dumped from database version 15.14
-- Dumped by pg_dump version 15.14

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
-- Name: databasechangeloglock; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.databasechangeloglock (
    id integer NOT NULL,
    locked boolean NOT NULL,
    lockgranted timestamp without time zone,
    lockedby character varying(255)
);


ALTER TABLE public.databasechangeloglock OWNER TO postgres;

--
-- Name: knex_migrations_lock; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.knex_migrations_lock (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.knex_migrations_lock OWNER TO postgres;

--
-- Name: migrations_lock_audit; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.migrations_lock_audit (
    id integer NOT NULL,
    locked boolean NOT NULL,
    lockgranted timestamp without time zone,
    lockedby character varying(255)
);


ALTER TABLE public.migrations_lock_audit OWNER TO postgres;

--
-- Name: shipments; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.shipments (
    id integer NOT NULL,
    label text,
    locked boolean
);


ALTER TABLE public.shipments OWNER TO postgres;

--
-- Data for Name: databasechangeloglock; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.databasechangeloglock (id, locked, lockgranted, lockedby) FROM stdin;
1	f	\N	\N
\.


--
-- Data for Name: knex_migrations_lock; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
1	0
\.


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.migrations_lock_audit (id, locked, lockgranted, lockedby) FROM stdin;
1	t	2025-08-21 07:30:02.9	DESKTOP-R2D2C3P (10.0.2.15)
\.


--
-- Data for Name: shipments; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.shipments (id, label, locked) FROM stdin;
1	D:\\exports\\labels\\	t
2	1\tt\t2025-08-21 07:30:02.9\tDESKTOP-R2D2C3P (10.0.2.15)	f
3	\\.	\N
4	Łódź -> Kraków, ½ pallet	t
\.


--
-- Name: databasechangeloglock databasechangeloglock_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.databasechangeloglock
    ADD CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict Jm4Vx8PqRt2Lk0NbWc6Ys1Hd9Fg3Ua7Ze5Oi2Ql8Kv4Tn0Rw6Xp1Cb3Dm9Es

