// Signs the wallet-link challenge with a browser wallet (EIP-1193 provider, personal_sign) and puts the
// signature into the form; without a browser wallet the member pastes a signature made elsewhere.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-wallet-sign]');
  if (!button) {
    return;
  }
  event.preventDefault();
  const status = document.getElementById('wallet-sign-status');
  const message = document.getElementById('wallet-message')?.textContent ?? '';
  const address = button.getAttribute('data-wallet-address');
  if (!window.ethereum) {
    status.textContent = button.getAttribute('data-no-wallet');
    return;
  }
  try {
    await window.ethereum.request({ method: 'eth_requestAccounts' });
    const hex = '0x' + Array.from(new TextEncoder().encode(message), (b) => b.toString(16).padStart(2, '0')).join('');
    const signature = await window.ethereum.request({ method: 'personal_sign', params: [hex, address] });
    document.getElementById('wallets:signature').value = signature;
    status.textContent = '';
  } catch (e) {
    status.textContent = e?.message ?? String(e);
  }
});
