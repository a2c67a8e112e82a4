// "Partager": where this page may write to the clipboard, each contribution's share button
// appears and copies its permanent address, then says so in a live region. Elsewhere the
// buttons stay hidden and the permalink beside them is the way to share. No inline code:
// this file is what the pages' Content-Security-Policy allows.
const canCopy = window.isSecureContext && typeof navigator.clipboard?.writeText === 'function';

for (const button of document.querySelectorAll('button[data-share]')) {
  if (!canCopy) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const status = document.getElementById(button.dataset.status ?? '');
    const address = button.dataset.share ?? '';
    if (status) status.textContent = '';
    try {
      await navigator.clipboard.writeText(address);
      if (status) status.textContent = button.dataset.copied ?? '';
    } catch {
      if (status) status.textContent = `${button.dataset.failed ?? ''} ${address}`;
    }
  });
}
