#!/usr/bin/env python3
"""Deterministic generator of realistic dumps for benchmarks: same arguments, same bytes.

  gen-dump.py KIND N OUT

Ghost-like dumps of long texts (N is SIZE_MB, the size of the bulk in MiB). Posts are texts of
0.5-6 kB with quotes, backslashes, newlines and semicolons:

  mysql           mysqldump (MySQL 8 style), posts in one-line extended INSERTs of about 1 MiB
  sqlite          sqlite3 .dump, one INSERT per post, newlines through replace(...)
  line            mysqldump whose posts data is ONE single-line INSERT
  value           mysqldump whose posts data is ONE string value of SIZE_MB

Short-row dumps (N is ROWS_K, thousands of rows (i,'name i',i%7) of `items (id, name, kind)`),
each with its producer's header and layout:

  sqlite-rows     sqlite3 .dump, a row a statement:  INSERT INTO items VALUES(1,'name 1',1);
  mysql-extended  mysqldump 8, 1000 rows a statement: INSERT INTO `items` VALUES (1,'name 1',1),...;
                  inside LOCK TABLES / ALTER TABLE ... DISABLE KEYS, as mysqldump writes them
  mysql-rows      mysqldump 8 --skip-extended-insert: INSERT INTO `items` VALUES (1,'name 1',1);
  pg-inserts      pg_dump --inserts:                  INSERT INTO public.items VALUES (1, 'name 1', 1);
  pg-copy         pg_dump: COPY public.items (id, name, kind) FROM stdin; then TAB lines 1<TAB>name 1<TAB>1
                  and \\.

In all of the above ONE held row of Ghost's `migrations_lock` (lock_key 'km01', locked 1) comes
after all the bulk, so a tool must read everything to release it.

  held            mysqldump holding N thousand held knex lock rows (N is ROWS_K)
"""
import functools
import random
import sys
from collections import namedtuple

WORDS = ("ghost lock migration it's \"quoted\" back\\slash semi;colon (paren) "
         "INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL); caf\u00e9 \U0001F600 "
         "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor").split(" ")


def texts(rng, count):
    out = []
    for _ in range(count):
        n = rng.randrange(200, 6000)
        words = [rng.choice(WORDS) for _ in range(n // 6)]
        for k in range(0, len(words), rng.randrange(20, 60)):
            words[k] += "\n"
        out.append(" ".join(words))
    return out


def post_texts():
    # A fixed seed: the same posts on every run and machine.
    return texts(random.Random(20261125), 300)


def mysql_string(s):
    b = s.encode()
    b = b.replace(b"\\", b"\\\\").replace(b"'", b"\\'").replace(b'"', b'\\"').replace(b"\n", b"\\n")
    return b"'" + b + b"'"


def sqlite_string(s):
    b = s.encode().replace(b"'", b"''")
    if b"\n" in b:
        return b"replace('" + b.replace(b"\n", b"\\n") + b"','\\n',char(10))"
    return b"'" + b + b"'"


# --- Ghost-like posts (SIZE_MB) ---------------------------------------------------------------

MYSQL_HEAD = b"""-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: ghost
-- ------------------------------------------------------
-- Server version\t8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

DROP TABLE IF EXISTS `posts`;
CREATE TABLE `posts` (
  `id` int NOT NULL,
  `title` varchar(191) NOT NULL,
  `html` longtext,
  `status` varchar(50) NOT NULL DEFAULT 'draft',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES `posts` WRITE;
/*!40000 ALTER TABLE `posts` DISABLE KEYS */;
"""

MYSQL_LOCK = b"""/*!40000 ALTER TABLE `posts` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `migrations_lock`;
CREATE TABLE `migrations_lock` (
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT '0',
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL,
  PRIMARY KEY (`lock_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

LOCK TABLES `migrations_lock` WRITE;
INSERT INTO `migrations_lock` VALUES ('km01',1,'2025-08-26 22:44:15',NULL);
UNLOCK TABLES;
-- Dump completed on 2025-08-27 10:00:00
"""

SQLITE_HEAD = b"""PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE `posts` (`id` integer not null primary key, `title` varchar(191) not null, `html` text, `status` varchar(50) not null default 'draft');
"""

SQLITE_LOCK = b"""CREATE TABLE `migrations_lock` (`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null, primary key (`lock_key`));
INSERT INTO migrations_lock VALUES('km01',1,'2019-08-30 20:05:56',NULL);
COMMIT;
"""


def mysql_posts(out, size_mb, statement_limit=1 << 20):
    target = size_mb * 1024 * 1024
    quoted = [mysql_string(t) for t in post_texts()]
    out.write(MYSQL_HEAD)
    written = row = 0
    while written < target:
        parts = [b"INSERT INTO `posts` VALUES "]
        length = len(parts[0])
        first = True
        while length < statement_limit and written + length < target:
            row += 1
            value = b"%s(%d,'Post %d',%s,'published')" % (b"" if first else b",", row, row, quoted[row % len(quoted)])
            first = False
            parts.append(value)
            length += len(value)
        parts.append(b";\n")
        chunk = b"".join(parts)
        out.write(chunk)
        written += len(chunk)
    out.write(MYSQL_LOCK)


def mysql_line(out, size_mb):
    # No statement limit: the long-line corner.
    mysql_posts(out, size_mb, statement_limit=size_mb * 1024 * 1024)


def mysql_value(out, size_mb):
    # One row whose html is a single string of the whole size: the long-string corner.
    target = size_mb * 1024 * 1024
    out.write(MYSQL_HEAD)
    out.write(b"INSERT INTO `posts` VALUES (1,'Post 1','")
    body = b"".join(mysql_string(t)[1:-1] for t in post_texts())
    written = 0
    while written < target:
        # A cut must not end in a lone backslash, which would escape the closing quote.
        piece = body[:target - written].rstrip(b"\\")
        out.write(piece)
        written += len(piece)
        if len(piece) < len(body):
            break
    out.write(b"','published');\n")
    out.write(MYSQL_LOCK)


def sqlite_posts(out, size_mb):
    target = size_mb * 1024 * 1024
    quoted = [sqlite_string(t) for t in post_texts()]
    out.write(SQLITE_HEAD)
    written = row = 0
    while written < target:
        row += 1
        chunk = b"INSERT INTO posts VALUES(%d,'Post %d',%s,'published');\n" % (row, row, quoted[row % len(quoted)])
        out.write(chunk)
        written += len(chunk)
    out.write(SQLITE_LOCK)


def held_rows(out, rows_k):
    # Held lock rows by the million: what the report keeps must not grow with them.
    out.write(MYSQL_HEAD)
    for start in range(0, rows_k * 1000, 1000):
        rows = b",".join(b"(%d,1)" % index for index in range(start, start + 1000))
        out.write(b"INSERT INTO `knex_migrations_lock` VALUES " + rows + b";\n")
    out.write(b"-- Dump completed on 2026-12-01 10:00:00\n")


# --- Short rows of items (ROWS_K) -------------------------------------------------------------

MYSQL8_PREAMBLE = b"""-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: ghost
-- ------------------------------------------------------
-- Server version\t8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

"""

MYSQL8_POSTAMBLE = b"""/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2025-08-27 10:15:42
"""


def mysql_table_start(name, columns):
    """mysqldump 8's structure of one table and the lines that open its data."""
    return b"""--
-- Table structure for table `%(n)s`
--

DROP TABLE IF EXISTS `%(n)s`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `%(n)s` (
%(c)s
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `%(n)s`
--

LOCK TABLES `%(n)s` WRITE;
/*!40000 ALTER TABLE `%(n)s` DISABLE KEYS */;
""" % {b"n": name, b"c": columns}


def mysql_table_end(name):
    return b"/*!40000 ALTER TABLE `%s` ENABLE KEYS */;\nUNLOCK TABLES;\n" % name


MYSQL_ITEMS_HEAD = MYSQL8_PREAMBLE + mysql_table_start(b"items", b"""\
  `id` int NOT NULL,
  `name` varchar(191) NOT NULL,
  `kind` int NOT NULL,
  PRIMARY KEY (`id`)""")

MYSQL_ITEMS_LOCK = (mysql_table_end(b"items") + b"\n" + mysql_table_start(b"migrations_lock", b"""\
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT '0',
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL,
  PRIMARY KEY (`lock_key`)""")
                    + b"INSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL);\n"
                    + mysql_table_end(b"migrations_lock") + MYSQL8_POSTAMBLE)

SQLITE_ITEMS_HEAD = b"""PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE items(id integer primary key, name text, kind integer);
"""

SQLITE_ITEMS_LOCK = b"""CREATE TABLE migrations_lock(lock_key varchar(255) not null, locked boolean default '0', acquired_at datetime, released_at datetime, primary key (lock_key));
INSERT INTO migrations_lock VALUES('km01',1,NULL,NULL);
COMMIT;
"""

# pg_dump writes every table's definition first, then every table's data, then constraints.
PG_SCHEMA = b"""--
-- PostgreSQL database dump
--

\\restrict UnlockdumpBenchRows0123456789

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

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
-- Name: items; Type: TABLE; Schema: public; Owner: ghost
--

CREATE TABLE public.items (
    id integer NOT NULL,
    name character varying(191) NOT NULL,
    kind integer NOT NULL
);


ALTER TABLE public.items OWNER TO ghost;

--
-- Name: migrations_lock; Type: TABLE; Schema: public; Owner: ghost
--

CREATE TABLE public.migrations_lock (
    lock_key character varying(191) NOT NULL,
    locked integer DEFAULT 0,
    acquired_at timestamp with time zone,
    released_at timestamp with time zone
);


ALTER TABLE public.migrations_lock OWNER TO ghost;

"""

PG_CONSTRAINTS = b"""--
-- Name: items items_pkey; Type: CONSTRAINT; Schema: public; Owner: ghost
--

ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);


--
-- Name: migrations_lock migrations_lock_pkey; Type: CONSTRAINT; Schema: public; Owner: ghost
--

ALTER TABLE ONLY public.migrations_lock
    ADD CONSTRAINT migrations_lock_pkey PRIMARY KEY (lock_key);


--
-- PostgreSQL database dump complete
--

\\unrestrict UnlockdumpBenchRows0123456789

"""

# After a table's data pg_dump leaves two blank lines.
PG_DATA_END = b"\n\n"


def pg_data_comment(table):
    return b"--\n-- Data for Name: %s; Type: TABLE DATA; Schema: public; Owner: ghost\n--\n\n" % table


PG_ITEMS_COPY = b"COPY public.items (id, name, kind) FROM stdin;\n"
PG_LOCK_COPY = (b"COPY public.migrations_lock (lock_key, locked, acquired_at, released_at) FROM stdin;\n"
                b"km01\t1\t\\N\t\\N\n\\.\n")
PG_LOCK_INSERT = b"INSERT INTO public.migrations_lock VALUES ('km01', 1, NULL, NULL);\n"


def pg_lock(data):
    """Everything after the items data: the lock table's data, then the constraints."""
    return PG_DATA_END + pg_data_comment(b"migrations_lock") + data + PG_DATA_END + PG_CONSTRAINTS


RowShape = namedtuple("RowShape", "head batch tail")


def each_row(template):
    """A batch writer: `template` filled with (i, i, i % 7) once per row, a line each."""
    return lambda ids: b"".join(template % (i, i, i % 7) for i in ids)


def mysql_extended_insert(ids):
    return (b"INSERT INTO `items` VALUES "
            + b",".join(b"(%d,'name %d',%d)" % (i, i, i % 7) for i in ids) + b";\n")


ROW_SHAPES = {
    "sqlite-rows": RowShape(SQLITE_ITEMS_HEAD, each_row(b"INSERT INTO items VALUES(%d,'name %d',%d);\n"),
                            SQLITE_ITEMS_LOCK),
    "mysql-extended": RowShape(MYSQL_ITEMS_HEAD, mysql_extended_insert, MYSQL_ITEMS_LOCK),
    "mysql-rows": RowShape(MYSQL_ITEMS_HEAD, each_row(b"INSERT INTO `items` VALUES (%d,'name %d',%d);\n"),
                           MYSQL_ITEMS_LOCK),
    "pg-inserts": RowShape(PG_SCHEMA + pg_data_comment(b"items"),
                           each_row(b"INSERT INTO public.items VALUES (%d, 'name %d', %d);\n"),
                           pg_lock(PG_LOCK_INSERT)),
    "pg-copy": RowShape(PG_SCHEMA + pg_data_comment(b"items") + PG_ITEMS_COPY,
                        each_row(b"%d\tname %d\t%d\n"),
                        b"\\.\n" + pg_lock(PG_LOCK_COPY)),
}

# Rows are made and written 1000 at a time: one extended INSERT each, and few write calls.
BATCH_ROWS = 1000


def items(shape, out, rows_k):
    out.write(shape.head)
    for start in range(1, rows_k * 1000 + 1, BATCH_ROWS):
        out.write(shape.batch(range(start, start + BATCH_ROWS)))
    out.write(shape.tail)


KINDS = {
    "mysql": mysql_posts,
    "sqlite": sqlite_posts,
    "line": mysql_line,
    "value": mysql_value,
    "held": held_rows,
    **{name: functools.partial(items, shape) for name, shape in ROW_SHAPES.items()},
}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in KINDS or not sys.argv[2].isdigit():
        sys.exit(__doc__)
    kind, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, "wb", buffering=1 << 20) as out:
        KINDS[kind](out, size)


if __name__ == "__main__":
    main()
