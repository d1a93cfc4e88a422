
/// A closed stdin, stdout or stderr would let the next open(2) take its number: the input file
/// would become "stdout", and the dump would be written into it. Each closed one is held by
/// /dev/null opened the wrong way round, so using it still fails with EBADF, as it would have.
func reserveClosedStandardDescriptors() {
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
        _ = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
    }
}
