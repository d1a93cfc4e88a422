--
-- PostgreSQL database cluster dump
--

\connect app

CREATE TABLE public.app_lock (
    index integer NOT NULL,
    is_locked integer
);

COPY public.app_lock (index, is_locked) FROM stdin;
1	1
\.

\encoding SQL_ASCII
\connect -reuse-previous=on "dbname='billing db'"

CREATE TABLE public.migrations_lock (lock_key character varying(191), locked boolean, acquired_at timestamp with time zone, released_at timestamp with time zone);
INSERT INTO public.migrations_lock VALUES ('km01', E'true', NULL, NULL);
INSERT INTO public.kysely_migration_lock VALUES ('migration_lock', 1);

--
-- PostgreSQL database cluster dump complete
--
