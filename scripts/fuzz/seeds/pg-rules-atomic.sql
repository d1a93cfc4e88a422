--
-- PostgreSQL database dump
--
CREATE RULE log_lock AS
    ON INSERT TO public.events DO ( INSERT INTO public.knex_migrations_lock (index, is_locked)
  VALUES ((new.id + 100), 1);
 INSERT INTO public.migrations_lock (lock_key, locked, acquired_at, released_at)
  VALUES (('rule'::text || new.id), true, NULL::timestamp without time zone, NULL::timestamp without time zone);
);
CREATE FUNCTION public.in_window(begin timestamp without time zone, "end" timestamp without time zone) RETURNS boolean
    LANGUAGE sql
    AS $$ SELECT now() BETWEEN begin AND "end" $$;
CREATE FUNCTION public.take_lock() RETURNS integer
    LANGUAGE sql
    BEGIN ATOMIC
 INSERT INTO public.knex_migrations_lock (index, is_locked) VALUES (9, 1);
 SELECT CASE WHEN true THEN 1 ELSE 0 END AS flag;
END;
COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
1	1
\.
