--
-- PostgreSQL database dump
--

\restrict 8mWqZ0cYtE3hN6uJ1aKsR9oV4bLxG7iDfP2TnCyQ5MzHgUwSkAjOeXvI0lBr

-- Dumped from database version 17.6
-- Dumped by pg_dump version 17.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
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
-- Name: DATABASECHANGELOGLOCK; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."DATABASECHANGELOGLOCK" (
    "ID" integer NOT NULL,
    "LOCKED" boolean NOT NULL,
    "LOCKGRANTED" timestamp without time zone,
    "LOCKEDBY" character varying(255)
);


ALTER TABLE public."DATABASECHANGELOGLOCK" OWNER TO postgres;

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    actor text NOT NULL,
    detail text
);


ALTER TABLE public.audit_log OWNER TO postgres;

--
-- Name: migrations_lock_audit; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.migrations_lock_audit (
    "ID" integer NOT NULL,
    "LOCKED" boolean NOT NULL,
    "LOCKGRANTED" timestamp without time zone,
    "LOCKEDBY" character varying(255)
);


ALTER TABLE public.migrations_lock_audit OWNER TO postgres;

--
-- Data for Name: DATABASECHANGELOGLOCK; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."DATABASECHANGELOGLOCK" ("ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY") FROM stdin;
1	t	2025-10-03 14:22:08.617	WIN-7F3K2Q9 (192.168.10.44)
\.


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.audit_log (id, actor, detail) FROM stdin;
1	liquibase	acquired lock: UPDATE public."DATABASECHANGELOGLOCK" SET "LOCKED" = TRUE WHERE "ID" = 1
2	sebastián	C:\\Program Files\\PostgreSQL\\17\\bin\\ — path ends in a backslash\\
3	ops	1\tt\t2025-10-03 14:22:08.617\tWIN-7F3K2Q9 (192.168.10.44)
\.


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.migrations_lock_audit ("ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY") FROM stdin;
1	t	2025-10-03 14:22:08.617	WIN-7F3K2Q9 (192.168.10.44)
\.


--
-- Name: DATABASECHANGELOGLOCK DATABASECHANGELOGLOCK_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."DATABASECHANGELOGLOCK"
    ADD CONSTRAINT "DATABASECHANGELOGLOCK_pkey" PRIMARY KEY ("ID");


--
-- PostgreSQL database dump complete
--

\unrestrict 8mWqZ0cYtE3hN6uJ1aKsR9oV4bLxG7iDfP2TnCyQ5MzHgUwSkAjOeXvI0lBr

