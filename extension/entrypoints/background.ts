export default defineBackground(() => {
  // The draft store and the sync engine arrive with the extension issue.
});
