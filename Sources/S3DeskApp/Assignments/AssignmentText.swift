/// The keys of the assignments' catalogue (`assignments.json`): selection to launch, an assignment, its meetings, its delivery space and the expert's home.
enum AssignmentText: String, TextKey {
    case assignmentTitle = "assignments.title"
}
