// Contact and order tables (threads, messages, quotes, carts, orders, payments) live here.
export {};
