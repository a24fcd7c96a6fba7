import type { NodeKind } from '../../graph/types';

/** Inline icons for the graph (nothing fetched), drawn in the current colour, hidden from assistive technology. */
const base = { width: 20, height: 20, viewBox: '0 0 20 20', 'aria-hidden': true, focusable: false, className: 'graph-icon' } as const;
const line = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** An ID badge: a role is an identity that something takes on. */
const RoleIcon = () => (
  <svg {...base}>
    <rect x="3" y="4" width="14" height="12" rx="2" {...line} />
    <circle cx="8" cy="9" r="2" {...line} />
    <path d="M5 14c.6-1.6 1.6-2.3 3-2.3s2.4.7 3 2.3M12.5 8h2.5M12.5 11h2.5" {...line} />
  </svg>
);

/** A case with a slot: a profile holds (at most) one role. */
const ProfileIcon = () => (
  <svg {...base}>
    <path d="M7 6V4.5h6V6" {...line} />
    <rect x="2.5" y="6" width="15" height="10.5" rx="2" {...line} />
    <rect x="6.5" y="9.5" width="7" height="3.5" rx="1" {...line} />
  </svg>
);

/** A chip: a virtual machine. */
const InstanceIcon = () => (
  <svg {...base}>
    <rect x="5" y="5" width="10" height="10" rx="1.5" {...line} />
    <path d="M8 2.5v2.5M12 2.5v2.5M8 15v2.5M12 15v2.5M2.5 8H5M2.5 12H5M15 8h2.5M15 12h2.5" {...line} />
  </svg>
);

/** A document with lines: a policy. */
const PolicyIcon = () => (
  <svg {...base}>
    <path d="M5 2.5h7l3.5 3.5v11.5H5z" {...line} />
    <path d="M12 2.5V6h3.5M7.5 10h5.5M7.5 13h5.5" {...line} />
  </svg>
);

/** A document with a pen mark: a policy written into one role. */
const InlinePolicyIcon = () => (
  <svg {...base}>
    <path d="M5 2.5h7l3.5 3.5v11.5H5z" {...line} />
    <path d="M7.5 13.5l4.5-4.5 1.5 1.5-4.5 4.5H7.5z" {...line} />
  </svg>
);

/** A person in a circle: someone a trust policy names. */
const PrincipalIcon = () => (
  <svg {...base}>
    <circle cx="10" cy="10" r="7.5" {...line} />
    <circle cx="10" cy="8" r="2.5" {...line} />
    <path d="M5.5 15.2c1-1.8 2.5-2.7 4.5-2.7s3.5.9 4.5 2.7" {...line} />
  </svg>
);

/** The profile case, crossed out. */
const DeletedProfileIcon = () => (
  <svg {...base}>
    <rect x="2.5" y="6" width="15" height="10.5" rx="2" {...line} strokeDasharray="2.5 2" />
    <path d="M7 8.5l6 5.5M13 8.5l-6 5.5" {...line} />
  </svg>
);

export const KIND_ICONS: Readonly<Record<NodeKind, () => React.JSX.Element>> = {
  principal: PrincipalIcon,
  role: RoleIcon,
  'managed-policy': PolicyIcon,
  'inline-policy': InlinePolicyIcon,
  'instance-profile': ProfileIcon,
  'deleted-profile': DeletedProfileIcon,
  instance: InstanceIcon,
};

export const WarningIcon = () => (
  <svg {...base} width={16} height={16}>
    <path d="M10 2.5l8 14.5H2z" fill="currentColor" />
    <path d="M10 8v4.5" stroke="var(--warning-mark, #fff)" strokeWidth="2" strokeLinecap="round" />
    <circle cx="10" cy="14.8" r="1.1" fill="var(--warning-mark, #fff)" />
  </svg>
);

/** A small spark for what the console made on its own. */
export const ConsoleIcon = () => (
  <svg {...base} width={14} height={14}>
    <rect x="2.5" y="3.5" width="15" height="13" rx="2" {...line} />
    <path d="M2.5 7h15M5 5.2h.01M7 5.2h.01" {...line} />
  </svg>
);
