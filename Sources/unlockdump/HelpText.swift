/// The whole contract in one screen: options, what is released, and the exit
/// statuses scripts depend on.
enum HelpText {
    static let version = "unlockdump 1.0.0\n"

    static let usage = """
        unlockdump 1.0.0 - release held migration locks in a SQL dump

        Usage: unlockdump [OPTIONS] [INPUT]

        Reads a mysqldump/mariadb-dump or sqlite3 .dump from INPUT (a file, or stdin
        when INPUT is absent or "-"), releases held migration locks by rewriting the
        lock rows' values, and writes the dump otherwise byte-for-byte unchanged.
        It never connects to a database.

        Locks released:
          Ghost       migrations_lock.locked
          knex        knex_migrations_lock.is_locked
          Liquibase   DATABASECHANGELOGLOCK.LOCKED

        Options:
          -o, --output FILE    write the patched dump to FILE (default: stdout;
                               "-" is stdout). FILE is replaced only once the whole
                               dump is written; on any error it is left as it was
              --in-place       rewrite INPUT itself (needs a regular file INPUT),
                               keeping its permission bits
              --backup SUFFIX  with --in-place, keep the original as INPUT+SUFFIX
              --force          with --backup, replace an existing backup file
              --check          write no dump; report held locks; exit 1 if any
                               is held, 0 if none
              --dialect D      mysql | sqlite | postgres | auto (default: auto,
                               decided from the dump's own markers); mariadb
                               means mysql, postgresql and pg mean postgres
          -q, --quiet          no report on stderr (errors are still printed)
          -h, --help           print this help and exit
              --version        print the version and exit
              --               end of options: the next argument is INPUT

        Values may also be attached: --output=FILE, --dialect=D, --backup=SUFFIX,
        -oFILE. The report (held locks, warnings, a summary) goes to stderr;
        stdout carries only the dump.

        Exit status:
          0      done (also when no lock was held)
          1      --check found a held lock
          2      usage error
          3      malformed dump (nothing replaced with --output or --in-place)
          4      I/O error: unreadable input, unwritable output, disk full
          128+N  stopped by signal N (SIGINT 130, SIGTERM 143); no temporary
                 file is left behind

        """
}
