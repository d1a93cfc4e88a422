--
-- PostgreSQL database dump
--

-- Dumped from database version 12.20 (Ubuntu 12.20-0ubuntu0.20.04.1)
-- Dumped by pg_dump version 12.20 (Ubuntu 12.20-0ubuntu0.20.04.1)

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
-- Data for Name: databasechangelog; Type: TABLE DATA; Schema: public; Owner: idp
--

COPY public.databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, description, comments, tag, liquibase, contexts, labels, deployment_id) FROM stdin;
1.0-init	ops@example.org	db/changelog-1.0.xml	2024-02-20 11:02:13.492371	1	EXECUTED	9:0d5e7c1a9b3f42e8a6c4d2b0f1e3a5c7	createTable tableName=REALM; createTable tableName=CLIENT		\N	4.8.0	\N	\N	8426933155
2.4-attrs	ops@example.org	db/changelog-2.4.xml	2024-02-20 11:02:19.004118	2	EXECUTED	9:7a1c3e5f0b2d4f6a8c0e2a4c6e8a0b2d	addColumn tableName=USER_ATTRIBUTE; sql; update DATABASECHANGELOGLOCK set LOCKED=TRUE		\N	4.8.0	\N	\N	8426933155
\.


--
-- Data for Name: databasechangeloglock; Type: TABLE DATA; Schema: public; Owner: idp
--

COPY public.databasechangeloglock (id, locked, lockgranted, lockedby) FROM stdin;
1	t	2024-02-20 11:02:19.221	idp-0 (10.244.1.17)
1000	f	\N	\N
1001	t	2024-02-20 11:02:21.007	idp-0 (10.244.1.17)
\.


--
-- Data for Name: migrations_lock_audit; Type: TABLE DATA; Schema: public; Owner: idp
--

COPY public.migrations_lock_audit (id, locked, lockgranted, lockedby) FROM stdin;
1	t	2024-02-20 11:02:19.221	idp-0 (10.244.1.17)
\.


--
-- Data for Name: realm_attribute; Type: TABLE DATA; Schema: public; Owner: idp
--

COPY public.realm_attribute (name, realm_id, value) FROM stdin;
displayName	6d1f8a3e-2b4c-4e5f-9a0b-1c2d3e4f5a6b	Société Générale «Test»
frontendUrl	6d1f8a3e-2b4c-4e5f-9a0b-1c2d3e4f5a6b	https://id.example.org/\\
motd	6d1f8a3e-2b4c-4e5f-9a0b-1c2d3e4f5a6b	1\tt\t2024-02-20 11:02:19.221\tidp-0\r\n\\.
\.


--
-- Name: realm_seq; Type: SEQUENCE SET; Schema: public; Owner: idp
--

SELECT pg_catalog.setval('public.realm_seq', 1, false);


--
-- PostgreSQL database dump complete
--

