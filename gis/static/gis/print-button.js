// Buttons marked data-print open the browser's print dialog (no inline handlers: the CSP forbids them).
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
