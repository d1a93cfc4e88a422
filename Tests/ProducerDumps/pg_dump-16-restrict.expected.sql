--
-- PostgreSQL database dump
--

\restrict Q7hXk2Lm9vRt4NbC0sWzYp3JdF6gUaE1iO8eKyT5rMqVnHc2wBxLfZuSjDoP

-- Dumped from database version 16.10 (Ubuntu 16.10-0ubuntu0.24.04.1)
-- Dumped by pg_dump version 16.10 (Ubuntu 16.10-0ubuntu0.24.04.1)

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
-- Name: billing; Type: SCHEMA; Schema: -; Owner: shop
--

CREATE SCHEMA billing;


ALTER SCHEMA billing OWNER TO shop;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: migrations_lock_audit; Type: TABLE; Schema: billing; Owner: shop
--

CREATE TABLE billing.migrations_lock_audit (
    id character varying(255) NOT NULL,
    is_locked integer DEFAULT 0 NOT NULL,
    noted_at timestamp with time zone DEFAULT now()
);


ALTER TABLE billing.migrations_lock_audit OWNER TO shop;

--
-- Name: knex_migrations_lock; Type: TABLE; Schema: public; Owner: shop
--

CREATE TABLE public.knex_migrations_lock (
    index integer NOT NULL,
    is_locked integer
);


ALTER TABLE public.knex_migrations_lock OWNER TO shop;

--
-- Name: knex_migrations_lock_index_seq; Type: SEQUENCE; Schema: public; Owner: shop
--

CREATE SEQUENCE public.knex_migrations_lock_index_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.knex_migrations_lock_index_seq OWNER TO shop;

--
-- Name: knex_migrations_lock_index_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: shop
--

ALTER SEQUENCE public.knex_migrations_lock_index_seq OWNED BY public.knex_migrations_lock.index;


--
-- Name: kysely_migration; Type: TABLE; Schema: public; Owner: shop
--

CREATE TABLE public.kysely_migration (
    name character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL
);


ALTER TABLE public.kysely_migration OWNER TO shop;

--
-- Name: kysely_migration_lock; Type: TABLE; Schema: public; Owner: shop
--

CREATE TABLE public.kysely_migration_lock (
    id character varying(255) NOT NULL,
    is_locked integer DEFAULT 0 NOT NULL
);


ALTER TABLE public.kysely_migration_lock OWNER TO shop;

--
-- Name: orders; Type: TABLE; Schema: public; Owner: shop
--

CREATE TABLE public.orders (
    id bigint NOT NULL,
    customer text NOT NULL,
    memo text,
    is_locked boolean DEFAULT false NOT NULL
);


ALTER TABLE public.orders OWNER TO shop;

--
-- Name: knex_migrations_lock index; Type: DEFAULT; Schema: public; Owner: shop
--

ALTER TABLE ONLY public.knex_migrations_lock ALTER COLUMN index SET DEFAULT nextval('public.knex_migrations_lock_index_seq'::regclass);


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: billing; Owner: shop
--

COPY billing.migrations_lock_audit (id, is_locked, noted_at) FROM stdin;
migration_lock	1	2025-09-02 06:11:40.5521+00
\.


--
-- Data for Name: knex_migrations_lock; Type: TABLE DATA; Schema: public; Owner: shop
--

COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
1	0
\.


--
-- Data for Name: kysely_migration; Type: TABLE DATA; Schema: public; Owner: shop
--

COPY public.kysely_migration (name, "timestamp") FROM stdin;
2025_08_14_create_orders	2025-08-14T09:00:03.118Z
2025_09_02_order_memo	2025-09-02T06:11:39.870Z
\.


--
-- Data for Name: kysely_migration_lock; Type: TABLE DATA; Schema: public; Owner: shop
--

COPY public.kysely_migration_lock (id, is_locked) FROM stdin;
migration_lock	0
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: shop
--

COPY public.orders (id, customer, memo, is_locked) FROM stdin;
1	Ørsted A/S	leave at door; call first\r\nthen ring twice	t
2	Nguyễn Văn A	tab\there, backslash \\ and a "quote" 'single'	f
3	\\N is not null	\\.	t
4	Lock row look-alike	migration_lock\t1\n\\.\nCOPY public.kysely_migration_lock (id, is_locked) FROM stdin;	t
5	🛒	\N	f
\.


--
-- Name: knex_migrations_lock_index_seq; Type: SEQUENCE SET; Schema: public; Owner: shop
--

SELECT pg_catalog.setval('public.knex_migrations_lock_index_seq', 1, true);


--
-- Name: knex_migrations_lock knex_migrations_lock_pkey; Type: CONSTRAINT; Schema: public; Owner: shop
--

ALTER TABLE ONLY public.knex_migrations_lock
    ADD CONSTRAINT knex_migrations_lock_pkey PRIMARY KEY (index);


--
-- Name: kysely_migration_lock kysely_migration_lock_pkey; Type: CONSTRAINT; Schema: public; Owner: shop
--

ALTER TABLE ONLY public.kysely_migration_lock
    ADD CONSTRAINT kysely_migration_lock_pkey PRIMARY KEY (id);


--
-- Name: kysely_migration kysely_migration_pkey; Type: CONSTRAINT; Schema: public; Owner: shop
--

ALTER TABLE ONLY public.kysely_migration
    ADD CONSTRAINT kysely_migration_pkey PRIMARY KEY (name);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: shop
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

\unrestrict Q7hXk2Lm9vRt4NbC0sWzYp3JdF6gUaE1iO8eKyT5rMqVnHc2wBxLfZuSjDoP

