/// What `--version` says about this build, so an operator can tell which build is on a host.
/// scripts/release.sh builds from a copy of the sources whose copy of this file it rewrites with
/// the release's commit and linkage; a development build says what it is.
enum BuildInfo {
    static let version = "1.1.0"
    static let commit = "development build"
    static let linkage = "dynamic (needs the Swift runtime of the toolchain that built it)"
}
