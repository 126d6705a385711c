/** The order event note that records "the buyer says the transfer is made"; the status does not change. */
export const TRANSFER_REPORTED = "transfer:reported";
