/// One choice of a `<select>` menu or a group of check boxes on a page.
struct SelectOption: Encodable {
    let value: String
    let label: String
    /// Selected, or ticked.
    let selected: Bool
}
