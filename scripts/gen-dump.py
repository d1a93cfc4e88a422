#!/usr/bin/env python3
"""Deterministic generator of realistic Ghost-like dumps for benchmarks.

  gen-dump.py mysql  SIZE_MB OUT     mysqldump (MySQL 8 style, one-line extended INSERTs)
  gen-dump.py sqlite SIZE_MB OUT     sqlite3 .dump (one INSERT per row, replace(...) newlines)
  gen-dump.py line   SIZE_MB OUT     mysqldump whose posts data is ONE single-line INSERT
  gen-dump.py value  SIZE_MB OUT     mysqldump whose posts data is ONE string value of SIZE_MB
  gen-dump.py held   ROWS_K  OUT     mysqldump holding ROWS_K thousand held knex lock rows

Posts are long texts with quotes, backslashes, newlines and semicolons; the held lock row of
`migrations_lock` comes at the very end, after all the bulk. Same arguments, same bytes.
"""
import random
import sys

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


def mysql_string(s):
    b = s.encode()
    b = b.replace(b"\\", b"\\\\").replace(b"'", b"\\'").replace(b'"', b'\\"').replace(b"\n", b"\\n")
    return b"'" + b + b"'"


def sqlite_string(s):
    b = s.encode().replace(b"'", b"''")
    if b"\n" in b:
        return b"replace('" + b.replace(b"\n", b"\\n") + b"','\\n',char(10))"
    return b"'" + b + b"'"


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


def main():
    kind, size_mb, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    target = size_mb * 1024 * 1024
    rng = random.Random(20261125)
    pool = texts(rng, 300)
    with open(path, "wb", buffering=1 << 20) as out:
        written = 0
        row = 0
        if kind in ("mysql", "line"):
            out.write(MYSQL_HEAD)
            quoted = [mysql_string(t) for t in pool]
            statement_limit = target if kind == "line" else 1 << 20
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
        elif kind == "value":
            # One row whose html is a single string of the whole size: the long-string corner.
            out.write(MYSQL_HEAD)
            out.write(b"INSERT INTO `posts` VALUES (1,'Post 1','")
            body = b"".join(mysql_string(t)[1:-1] for t in pool)
            while written < target:
                # A cut must not end in a lone backslash, which would escape the closing quote.
                piece = body[:target - written].rstrip(b"\\")
                out.write(piece)
                written += len(piece)
                if len(piece) < len(body):
                    break
            out.write(b"','published');\n")
            out.write(MYSQL_LOCK)
        elif kind == "sqlite":
            out.write(SQLITE_HEAD)
            quoted = [sqlite_string(t) for t in pool]
            while written < target:
                row += 1
                chunk = b"INSERT INTO posts VALUES(%d,'Post %d',%s,'published');\n" % (row, row, quoted[row % len(quoted)])
                out.write(chunk)
                written += len(chunk)
            out.write(SQLITE_LOCK)
        elif kind == "held":
            # Held lock rows by the million: what the report keeps must not grow with them.
            out.write(MYSQL_HEAD)
            for start in range(0, size_mb * 1000, 1000):
                rows = b",".join(b"(%d,1)" % index for index in range(start, start + 1000))
                out.write(b"INSERT INTO `knex_migrations_lock` VALUES " + rows + b";\n")
            out.write(b"-- Dump completed on 2026-12-01 10:00:00\n")
        else:
            sys.exit("unknown kind: " + kind)


if __name__ == "__main__":
    main()
