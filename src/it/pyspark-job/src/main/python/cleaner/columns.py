"""Column names shared by the rules."""

AMOUNT = "amount"
CUSTOMER_ID = "customer_id"
