"""Which orders are kept."""


def valid_orders(orders):
    return orders.where("amount > 0 and customer_id is not null")
