import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL
import S3DeskDomain

/// Sends one email per connection to an SMTP server: EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT,
/// DATA, QUIT. Small on purpose: plain-text emails to one recipient are all the service sends.
struct SMTPTransport: MailTransport {
    let settings: SMTPSettings
    let group: any EventLoopGroup

    func send(_ message: EmailMessage) async throws {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var session = SMTPSession(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            try await session.expect(220)
            try await session.command("EHLO s3desk", expect: 250)
            if settings.security == .startTLS {
                try await session.command("STARTTLS", expect: 220)
                let tls = try NIOSSLContext(configuration: .makeClientConfiguration())
                let host = settings.host
                // The TLS handler is made and added on the channel's event loop: it is not Sendable.
                try await channel.channel.eventLoop.submit {
                    let handler = try NIOSSLClientHandler(context: tls, serverHostname: host)
                    try channel.channel.pipeline.syncOperations.addHandler(handler, position: .first)
                }.get()
                try await session.command("EHLO s3desk", expect: 250)
            }
            if let username = settings.username {
                let credentials = Data("\u{0}\(username)\u{0}\(settings.password ?? "")".utf8).base64EncodedString()
                try await session.command("AUTH PLAIN \(credentials)", expect: 235, redacted: "AUTH PLAIN ***")
            }
            try await session.command("MAIL FROM:<\(settings.from)>", expect: 250)
            try await session.command("RCPT TO:<\(message.to)>", expect: [250, 251])
            try await session.command("DATA", expect: 354)
            try await session.write(MIMEMessage.render(message, from: settings.from))
            try await session.command(".", expect: 250)
            try? await session.command("QUIT", expect: 221)
        }
    }
}

/// The server's replies read line by line; a reply may span lines (`250-…` then `250 …`).
private struct SMTPSession {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func command(_ line: String, expect codes: Set<Int>, redacted: String? = nil) async throws {
        try await write(line + "\r\n")
        try await expect(codes, after: redacted ?? line)
    }

    mutating func command(_ line: String, expect code: Int, redacted: String? = nil) async throws {
        try await command(line, expect: [code], redacted: redacted)
    }

    func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    mutating func expect(_ code: Int) async throws {
        try await expect([code], after: "connect")
    }

    private mutating func expect(_ codes: Set<Int>, after command: String) async throws {
        var text: [String] = []
        while true {
            guard var buffer = try await inbound.next(), let line = buffer.readString(length: buffer.readableBytes) else {
                throw SMTPError(message: "the server closed the connection after \(command)")
            }
            text.append(line)
            // "250-" continues the reply; "250 " (or a bare code) ends it.
            guard line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" else {
                guard let code = Int(line.prefix(3)), codes.contains(code) else {
                    throw SMTPError(message: "\(command): \(text.joined(separator: " "))")
                }
                return
            }
        }
    }
}

struct SMTPError: Error, CustomStringConvertible {
    let message: String
    var description: String { "SMTP: \(message)" }
}

/// The email as SMTP's DATA carries it: headers, then the body in base64 so any character
/// and any line survives every relay.
enum MIMEMessage {
    static func render(_ message: EmailMessage, from: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let domain = from.split(separator: "@").last.map(String.init) ?? "s3desk"
        let headers = [
            "From: \(oneLine(from))",
            "To: \(oneLine(message.to))",
            "Subject: \(encodedWord(oneLine(message.subject)))",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString)@\(domain)>",
            "MIME-Version: 1.0",
        ]
        return headers.joined(separator: "\r\n") + "\r\n" + content(of: message) + "\r\n"
    }

    /// A plain email is one text part. An invitation is multipart/alternative with the text and
    /// the `text/calendar` part last, where Outlook, Gmail and Apple Mail look for the event
    /// they offer to accept (RFC 6047).
    private static func content(of message: EmailMessage) -> String {
        let text = part(type: "text/plain; charset=utf-8", message.body)
        guard let calendar = message.calendar else { return text }
        let boundary = "s3desk-" + UUID().uuidString
        let method = calendar.method.filter { $0.isLetter }
        return [
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "",
            "--\(boundary)", text,
            "--\(boundary)", part(type: "text/calendar; charset=utf-8; method=\(method)", calendar.text),
            "--\(boundary)--",
        ].joined(separator: "\r\n")
    }

    /// Headers then a blank line then the text in base64, so any character and any line survives every relay.
    private static func part(type: String, _ text: String) -> String {
        let body = Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return "Content-Type: \(type)\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body
    }

    /// Header values must not carry line breaks: one would let a value inject headers.
    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// RFC 2047 for a subject that is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        text.allSatisfy(\.isASCII) ? text : "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }
}
