"""The CRM: data model, database access, demo data and file import.

Everything the assistant says comes out of this database. `crm` is the lowest layer: it imports no other
package of the project.
"""
