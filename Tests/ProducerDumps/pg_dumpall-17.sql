--
-- PostgreSQL database cluster dump
--

\restrict cLu5Ter0KeyAbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJkLmNoP

SET default_transaction_read_only = off;

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Roles
--

CREATE ROLE app;
ALTER ROLE app WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS PASSWORD 'SCRAM-SHA-256$4096:bm90IGEgcmVhbCBzYWx0IQ==$c3RvcmVkIGtleSwgaW52ZW50ZWQgZm9yIGEgdGVzdA==:c2VydmVyIGtleSwgYWxzbyBpbnZlbnRlZCAhIQ==';
CREATE ROLE postgres;
ALTER ROLE postgres WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS;
CREATE ROLE worker;
ALTER ROLE worker WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS;

--
-- User Configurations
--

--
-- User Config "worker"
--

ALTER ROLE worker SET search_path TO 'public', '$user';








\unrestrict cLu5Ter0KeyAbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJkLmNoP

--
-- Databases
--

--
-- Database "template1" dump
--

\connect template1

--
-- PostgreSQL database dump
--

\restrict t3mPl4te1KeyQwErTyUiOpAsDfGhJkLzXcVbNm0987654321qWeRtYuIoPaSdFg

-- Dumped from database version 17.6 (Debian 17.6-1.pgdg120+1)
-- Dumped by pg_dump version 17.6 (Debian 17.6-1.pgdg120+1)

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

--
-- PostgreSQL database dump complete
--

\unrestrict t3mPl4te1KeyQwErTyUiOpAsDfGhJkLzXcVbNm0987654321qWeRtYuIoPaSdFg

--
-- Database "app" dump
--

--
-- PostgreSQL database dump
--

\restrict aPpDb2KeyZxCvBnMaSdFgHjKlQwErTyUiOp1029384756zXcVbNmAsDfGhJkLqW

-- Dumped from database version 17.6 (Debian 17.6-1.pgdg120+1)
-- Dumped by pg_dump version 17.6 (Debian 17.6-1.pgdg120+1)

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

--
-- Name: app; Type: DATABASE; Schema: -; Owner: app
--

CREATE DATABASE app WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'en_US.UTF-8';


ALTER DATABASE app OWNER TO app;

\unrestrict aPpDb2KeyZxCvBnMaSdFgHjKlQwErTyUiOp1029384756zXcVbNmAsDfGhJkLqW
\connect app
\restrict aPpDb2KeyZxCvBnMaSdFgHjKlQwErTyUiOp1029384756zXcVbNmAsDfGhJkLqW

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
-- Name: jobs; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.jobs (
    id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb
);


ALTER TABLE public.jobs OWNER TO app;

--
-- Name: knex_migrations_lock; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.knex_migrations_lock (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.knex_migrations_lock OWNER TO app;

--
-- Name: migrations_lock_audit; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.migrations_lock_audit (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.migrations_lock_audit OWNER TO app;

--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: app
--

COPY public.jobs (id, kind, payload) FROM stdin;
1	email	{"to": "zoë@example.org", "subject": "Lock held?", "body": "row 1\\t1 in knex_migrations_lock"}
2	resize	{"path": "C:\\\\uploads\\\\", "note": "ends in a backslash"}
3	sql	{"q": "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\\n1\\t1\\n\\\\."}
\.


--
-- Data for Name: knex_migrations_lock; Type: TABLE DATA; Schema: public; Owner: app
--

COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
1	1
\.


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: public; Owner: app
--

COPY public.migrations_lock_audit (index, is_locked) FROM stdin;
1	1
\.


--
-- PostgreSQL database dump complete
--

\unrestrict aPpDb2KeyZxCvBnMaSdFgHjKlQwErTyUiOp1029384756zXcVbNmAsDfGhJkLqW

--
-- Database "postgres" dump
--

\connect postgres

--
-- PostgreSQL database dump
--

\restrict p0sTgReS3KeyMnBvCxZaSdFgHjKlPoIuYtReWq5647382910mNbVcXzAsDfGhJk

-- Dumped from database version 17.6 (Debian 17.6-1.pgdg120+1)
-- Dumped by pg_dump version 17.6 (Debian 17.6-1.pgdg120+1)

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

--
-- PostgreSQL database dump complete
--

\unrestrict p0sTgReS3KeyMnBvCxZaSdFgHjKlPoIuYtReWq5647382910mNbVcXzAsDfGhJk

--
-- Database "worker" dump
--

--
-- PostgreSQL database dump
--

\restrict w0rKeR4KeyLkJhGfDsApOiUyTrEwQzXcVbNm1357924680lKjHgFdSaPoIuYtRe

-- Dumped from database version 17.6 (Debian 17.6-1.pgdg120+1)
-- Dumped by pg_dump version 17.6 (Debian 17.6-1.pgdg120+1)

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

--
-- Name: worker; Type: DATABASE; Schema: -; Owner: worker
--

CREATE DATABASE worker WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'en_US.UTF-8';


ALTER DATABASE worker OWNER TO worker;

\unrestrict w0rKeR4KeyLkJhGfDsApOiUyTrEwQzXcVbNm1357924680lKjHgFdSaPoIuYtRe
\connect worker
\restrict w0rKeR4KeyLkJhGfDsApOiUyTrEwQzXcVbNm1357924680lKjHgFdSaPoIuYtRe

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
-- Name: knex_migrations_lock; Type: TABLE; Schema: public; Owner: worker
--

CREATE TABLE public.knex_migrations_lock (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.knex_migrations_lock OWNER TO worker;

--
-- Name: runs; Type: TABLE; Schema: public; Owner: worker
--

CREATE TABLE public.runs (
    id integer NOT NULL,
    started_at timestamp with time zone,
    log text
);


ALTER TABLE public.runs OWNER TO worker;

--
-- Data for Name: knex_migrations_lock; Type: TABLE DATA; Schema: public; Owner: worker
--

COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
1	1
\.


--
-- Data for Name: runs; Type: TABLE DATA; Schema: public; Owner: worker
--

COPY public.runs (id, started_at, log) FROM stdin;
1	2025-09-30 23:59:58.1+02	migrating…\nacquired knex_migrations_lock\n\\connect app
2	\N	\\unrestrict is not a meta-command here
\.


--
-- PostgreSQL database dump complete
--

\unrestrict w0rKeR4KeyLkJhGfDsApOiUyTrEwQzXcVbNm1357924680lKjHgFdSaPoIuYtRe

--
-- PostgreSQL database cluster dump complete
--

