/// The keys of the assessment's catalogue (`assessment.json`): the staff's applications, scoring, rounds, ranking, endorsement, the policy and the dashboard.
enum AssessmentText: String, TextKey {
    case rankingTitle = "assessment.ranking"
}
