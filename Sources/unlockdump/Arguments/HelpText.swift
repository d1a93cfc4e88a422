/// The whole contract in one screen: options, what is released, and the exit
/// statuses scripts depend on.
enum HelpText {
    static let version = """
        unlockdump \(BuildInfo.version)
        commit: \(BuildInfo.commit)
        linkage: \(BuildInfo.linkage)

        """

    static let usage = """
        unlockdump \(BuildInfo.version) - release held migration locks in a SQL dump

        Usage: unlockdump [OPTIONS] [INPUT]

        Reads a mysqldump/mariadb-dump, sqlite3 .dump or plain pg_dump from INPUT (a
        file, or stdin when INPUT is absent or "-"), releases held migration locks by
        rewriting the lock rows' values (or removing the rows that are the lock), and
        writes the dump otherwise byte-for-byte unchanged.
        It never connects to a database. A gzip- or zstd-compressed INPUT (told by its
        first bytes, not its name; several members or frames concatenated are fine)
        is decompressed on the fly; a zstd frame whose window is over 32 MiB (made
        with zstd --long or --ultra) is refused, so memory stays bounded.

        Locks released (held -> written):
          Ghost       migrations_lock.locked true -> false (a missing row stays
                      missing: Ghost reads that as locked)
          knex        knex_migrations_lock.is_locked true -> false
          Liquibase   DATABASECHANGELOGLOCK.LOCKED true -> false, LOCKGRANTED and
                      LOCKEDBY -> NULL
          Kysely      kysely_migration_lock.is_locked true -> false
          EF Core     a row of __EFMigrationsLock -> the row removed
          yoyo        a row of yoyo_lock -> the row removed
        A removed row takes one separating comma with it, an INSERT of only such
        rows goes whole with its line end, a COPY line goes.

        Failed migrations repaired, only with --repair TOOL (failed -> written):
          flyway          flyway_schema_history.success false -> the row removed
          sqlx            _sqlx_migrations.success false -> the row removed
          prisma          _prisma_migrations finished_at and rolled_back_at NULL
                          -> rolled_back_at = now, UTC
          golang-migrate  schema_migrations.dirty true -> false, version kept
        Each repair warns which migration to check by hand: it may have left the
        schema half changed. Without its --repair, a failed migration is left as it
        is and told in a warning.

        Options:
          -o, --output FILE    write the patched dump to FILE (default: stdout;
                               "-" is stdout), gzip-compressed if FILE ends in .gz,
                               zstd if in .zst. FILE is replaced only once the
                               whole dump is written; on any error it is left as it was
              --in-place       rewrite INPUT itself (needs a regular file INPUT),
                               keeping its permission bits and its compression
              --backup SUFFIX  with --in-place, keep the original as INPUT+SUFFIX
              --force          with --backup, replace an existing backup file
              --check          write no dump; report held locks and failed
                               migrations; exit 1 if a held lock, or a failed
                               migration of a --repair given, is found; else 0
              --gzip           gzip-compress the output (implied by an -o FILE
                               ending in .gz; --in-place keeps INPUT's compression)
              --dialect D      mysql | sqlite | postgres | auto (default: auto,
                               decided from the dump's own markers); mariadb
                               means mysql, postgresql and pg mean postgres

        What is rewritten:
              --only LIST      look only for these built-in locks: ghost, knex,
                               liquibase, kysely, efcore, yoyo (comma-separated,
                               repeatable)
              --repair TOOL    repair the failed migrations of TOOL: flyway,
                               sqlx, prisma or golang-migrate (repeatable)
              --set TABLE.COLUMN=VALUE
                               also rewrite COLUMN of every TABLE row to VALUE, an
                               SQL literal written as given (repeatable), e.g.
                               --set schema_migrations.dirty=0
              --where COLUMN=VALUE
                               only rows whose COLUMN holds VALUE (unquoted); it
                               narrows the --set just before it
              --stamp-release  when releasing a Ghost lock, also set released_at
                               to the current UTC time, as knex-migrator does

        Report:
          -q, --quiet          no report on stderr (errors are still printed)
              --report FORMAT  text (default) or json: one JSON object with the
                               counts per table, bytes, dialect, duration, status
              --report-file FILE
                               write the report to FILE instead of stderr
              --progress       draw a progress line on stderr (default: only when
                               stderr is a terminal and INPUT's size is known)
              --no-progress    never draw it

        Other:
          -h, --help           print this help and exit
              --version        print the version, the commit it was built from and
                               whether the binary is static, and exit
              --               end of options: the next argument is INPUT

        Values may also be attached: --output=FILE, --dialect=D, --backup=SUFFIX,
        --set=..., -oFILE. The report (held locks, warnings, a summary) goes to stderr;
        stdout carries only the dump.

        Exit status:
          0      done (also when no lock was held)
          1      --check found a held lock, or a failed migration of a
                 --repair given
          2      usage error
          3      malformed dump, a corrupt or truncated gzip or zstd INPUT, or a
                 zstd window over 32 MiB (nothing replaced with --output or
                 --in-place)
          4      I/O error: unreadable input, unwritable output, disk full
          128+N  stopped by signal N (SIGINT 130, SIGTERM 143); no temporary
                 file is left behind

        See unlockdump(1) for examples.

        """
}
