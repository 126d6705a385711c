import { defineMessages } from "../define";

export const catalogue = defineMessages({}, {});
