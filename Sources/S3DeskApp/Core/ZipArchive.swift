import Foundation
import ZIPFoundation

/// A ZIP archive made in memory from named files: a workbook's parts, a person's data.
enum ZipArchive {
    static func data(_ entries: [(path: String, bytes: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
