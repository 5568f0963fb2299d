/** The command's exit statuses (the contract: README, "Kommandoraden"). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILED = 2;
