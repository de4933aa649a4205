/// The keys of the administration's catalogue (`staff.json`): calls, users, regions, topics, experts and the outbox.
enum StaffText: String, TextKey {
    case usersTitle = "staff.users.title"
}
