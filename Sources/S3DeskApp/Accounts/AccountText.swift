/// The keys of the account pages' catalogue (`account.json`): the account, two-factor sign-in, the organisation, notices, the expert profile and the public information pages.
enum AccountText: String, TextKey {
    case accountTitle = "account.title"
}
