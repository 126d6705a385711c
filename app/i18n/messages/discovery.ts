import { defineMessages } from "../define";

export const discovery = defineMessages({}, {});
