import SQLKit

extension SQLSelectBuilder {
    /// Joins each row of the table aliased `alias` to its organisation (`o`), by the row's `organisation_id`: what
    /// the lists need to show or filter by a department's code and name.
    @discardableResult
    func joiningOrganisation(of alias: String, method: SQLJoinMethod = .inner) -> Self {
        join(SQLAlias(SQLIdentifier(OrganisationModel.schema), as: SQLIdentifier("o")), method: method,
             on: SQLColumn("id", table: "o"), .equal, SQLColumn(Distribution.column, table: alias))
    }
}
