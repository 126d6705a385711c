import { defineMessages } from "../define";

export const trace = defineMessages({}, {});
