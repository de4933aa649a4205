import LeafKit
import S3DeskDomain
import Vapor

/// `#t("key")` or `#t("key", value, …)` in a view: the text of `key` (a `Text` case) in the
/// request's language, `{0}`, `{1}`… filled with the values. Escaped like any other output.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#t needs a text key as its first parameter"))
        }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        guard let messages = ctx.application?.messages else { return .string(key) }
        return .string(messages.text(key, in: ctx.request?.language ?? .en, Array(arguments)))
    }
}
