import Foundation

/// The files the product ships (views, public files, reference data), found next to the
/// executable so that `s3desk serve` works from any working directory.
struct ResourceFiles: Sendable {
    /// Holds `Resources/` and `Public/`, the layout Vapor expects of a working directory.
    let root: String

    static let bundled = ResourceFiles(root: Bundle.module.bundlePath)

    func text(_ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/Resources/" + relativePath, encoding: .utf8)
    }
}
