"""Questions to SQL: the semantic layer, the query plan, the parser, the sqlglot compiler and the validator.

Every statement, whichever path produced it, passes `sql.validator.validate` before it runs.
"""
