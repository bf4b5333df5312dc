export { completeScript, type ScriptSuggestion } from './complete-script';
export { EXPECT_WORDS, SCRIPT_API, type ApiMember } from './script-api';
