import Foundation
import S3DeskDomain

/// Draws the progress chart as SVG on the server: one marker per stage on a line, with its
/// label, due date and state. State is told by shape and text as well as colour, so it reads
/// in grey scale and to screen readers (`<title>`, `<desc>`).
enum ProgressSVG {
    static let width = 840
    static let height = 170

    /// - Parameters:
    ///   - calendar: the call's, in which the dates are given.
    ///   - wording: the reader's language, for the chart's words and dates.
    static func render(_ stages: [ProgressStage], reference: String, calendar: ZonedCalendar, wording: Wording) -> String {
        let step = Double(width - 120) / Double(max(stages.count - 1, 1))
        var parts: [String] = []
        parts.append(##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(width) \##(height)" width="\##(width)" height="\##(height)" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif" font-size="12">"##)
        parts.append("<title id=\"chart-title\">\(escape(wording(ApplicationText.chartTitle, reference)))</title>")
        parts.append("<desc id=\"chart-desc\">\(escape(summary(stages, calendar: calendar, wording: wording)))</desc>")
        parts.append(##"<line x1="60" y1="50" x2="\##(width - 60)" y2="50" stroke="#8a96a3" stroke-width="3"/>"##)
        for (index, stage) in stages.enumerated() {
            let x = 60 + Double(index) * step
            parts.append(marker(stage.state, x: x))
            let lines = wrap(ApplicationWording.label(of: stage, wording), width: 18)
            for (lineIndex, line) in lines.enumerated() {
                parts.append(##"<text x="\##(format(x))" y="\##(88 + lineIndex * 15)" text-anchor="middle" fill="#1b1f24" font-weight="600">\##(escape(line))</text>"##)
            }
            var y = 88 + lines.count * 15
            parts.append(##"<text x="\##(format(x))" y="\##(y)" text-anchor="middle" fill="#4a5561">\##(escape(ApplicationWording.state(of: stage, wording)))</text>"##)
            if let due = stage.due {
                y += 15
                parts.append(##"<text x="\##(format(x))" y="\##(y)" text-anchor="middle" fill="#4a5561">\##(escape(wording(ApplicationText.chartDue, wording.date(due))))</text>"##)
            }
            if let days = stage.expertDays {
                y += 15
                parts.append(##"<text x="\##(format(x))" y="\##(y)" text-anchor="middle" fill="#4a5561">\##(escape(wording(ApplicationText.chartDays, ApplicationWording.days(days.used, wording), ApplicationWording.days(days.budget, wording))))</text>"##)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The chart's facts as one sentence, for its `<desc>` and the image's text alternative.
    static func summary(_ stages: [ProgressStage], calendar: ZonedCalendar, wording: Wording) -> String {
        stages.map { stage in
            var facts = [ApplicationWording.state(of: stage, wording)]
            if let due = stage.due { facts.append(wording(ApplicationText.chartDue, wording.date(due))) }
            if let days = stage.expertDays { facts.append(expertDays(days, wording)) }
            if let done = stage.doneAt { facts.append(wording(ApplicationText.chartDone, wording.date(calendar.civilDate(of: done)))) }
            return wording(ApplicationText.chartStage, ApplicationWording.label(of: stage, wording), facts.joined(separator: ", "))
        }.joined(separator: wording(ApplicationText.chartBetween))
    }

    /// "12.5 of 20 expert days used".
    static func expertDays(_ days: DeliveryFacts, _ wording: Wording) -> String {
        wording(ApplicationText.progressExpertDays, ApplicationWording.days(days.used, wording), ApplicationWording.days(days.budget, wording))
    }

    private static func marker(_ state: ProgressStage.State, x: Double) -> String {
        let cx = format(x)
        switch state {
        case .done:
            return ##"<circle cx="\##(cx)" cy="50" r="16" fill="#1e6b35"/><path d="M \##(format(x - 7)) 50 l 5 6 l 10 -12" fill="none" stroke="#fff" stroke-width="3"/>"##
        case .current:
            return ##"<circle cx="\##(cx)" cy="50" r="16" fill="#fff" stroke="#0b4f8a" stroke-width="4"/><circle cx="\##(cx)" cy="50" r="6" fill="#0b4f8a"/>"##
        case .late:
            return ##"<circle cx="\##(cx)" cy="50" r="16" fill="#b00020"/><text x="\##(cx)" y="56" text-anchor="middle" fill="#fff" font-size="18" font-weight="700">!</text>"##
        case .pending:
            return ##"<circle cx="\##(cx)" cy="50" r="14" fill="#fff" stroke="#8a96a3" stroke-width="3"/>"##
        case .skipped:
            return ##"<circle cx="\##(cx)" cy="50" r="14" fill="#fff" stroke="#8a96a3" stroke-width="3" stroke-dasharray="4 3"/><line x1="\##(format(x - 8))" y1="50" x2="\##(format(x + 8))" y2="50" stroke="#8a96a3" stroke-width="3"/>"##
        }
    }

    private static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
