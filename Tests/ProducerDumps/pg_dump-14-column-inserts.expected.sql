--
-- PostgreSQL database dump
--

-- Dumped from database version 14.13 (Homebrew)
-- Dumped by pg_dump version 14.13 (Homebrew)

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
-- Name: app; Type: SCHEMA; Schema: -; Owner: lena
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO lena;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: databasechangeloglock; Type: TABLE; Schema: app; Owner: lena
--

CREATE TABLE app.databasechangeloglock (
    id integer NOT NULL,
    locked boolean NOT NULL,
    lockgranted timestamp without time zone,
    lockedby character varying(255)
);


ALTER TABLE app.databasechangeloglock OWNER TO lena;

--
-- Name: knex_migrations_lock; Type: TABLE; Schema: app; Owner: lena
--

CREATE TABLE app.knex_migrations_lock (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE app.knex_migrations_lock OWNER TO lena;

--
-- Name: migrations_lock_audit; Type: TABLE; Schema: app; Owner: lena
--

CREATE TABLE app.migrations_lock_audit (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE app.migrations_lock_audit OWNER TO lena;

--
-- Name: notes; Type: TABLE; Schema: app; Owner: lena
--

CREATE TABLE app.notes (
    id integer NOT NULL,
    body text,
    is_locked boolean DEFAULT false
);


ALTER TABLE app.notes OWNER TO lena;

--
-- Name: notes_id_seq; Type: SEQUENCE; Schema: app; Owner: lena
--

ALTER TABLE app.notes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.notes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Data for Name: databasechangeloglock; Type: TABLE DATA; Schema: app; Owner: lena
--

INSERT INTO app.databasechangeloglock (id, locked, lockgranted, lockedby) VALUES
	(1, false, NULL, NULL),
	(2, false, NULL, NULL);


--
-- Data for Name: knex_migrations_lock; Type: TABLE DATA; Schema: app; Owner: lena
--

INSERT INTO app.knex_migrations_lock (index, is_locked) VALUES
	(1, 0);


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: app; Owner: lena
--

INSERT INTO app.migrations_lock_audit (index, is_locked) VALUES
	(1, 1);


--
-- Data for Name: notes; Type: TABLE DATA; Schema: app; Owner: lena
--

INSERT INTO app.notes (id, body, is_locked) OVERRIDING SYSTEM VALUE VALUES
	(1, 'INSERT INTO app.knex_migrations_lock (index, is_locked) VALUES
	(1, 1);', true),
	(2, 'it''s Dezember; Zürich – Genève', NULL),
	(3, 'backslash at the end \', false);


--
-- Name: notes_id_seq; Type: SEQUENCE SET; Schema: app; Owner: lena
--

SELECT pg_catalog.setval('app.notes_id_seq', 3, true);


--
-- Name: databasechangeloglock databasechangeloglock_pkey; Type: CONSTRAINT; Schema: app; Owner: lena
--

ALTER TABLE ONLY app.databasechangeloglock
    ADD CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

