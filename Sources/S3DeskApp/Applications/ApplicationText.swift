/// The keys of the applications' catalogue (`applications.json`): the form, an application's page, "My applications" and the progress chart.
enum ApplicationText: String, TextKey {
    case mineTitle = "applications.mine.title"
}
