/** The Ketenkluis mark: a lock made of two chain links. Decorative; the name is always written beside it. */
export function Logo({ size = 40 }: { size?: number }) {
  return (
    <svg className="kk-logo" width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect x="4" y="16" width="32" height="21" rx="5" fill="currentColor" />
      <path d="M12 16v-5a8 8 0 0 1 16 0v5" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      <circle cx="16" cy="26.5" r="3.2" fill="none" stroke="#ffffff" strokeWidth="2" />
      <circle cx="24" cy="26.5" r="3.2" fill="none" stroke="#ffffff" strokeWidth="2" />
    </svg>
  );
}
