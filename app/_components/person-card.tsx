import Link from 'next/link';

export type PersonCardData = { id: number; name: string; category: string; level: string; region: string; deed: string; likeCount: number };

export function PersonCard({ person }: { person: PersonCardData }) {
  return (
    <li className="rounded-lg border border-line bg-white p-4">
      <Link href={`/good-people/${person.id}`} className="group block">
        <span className="text-lg font-bold group-hover:text-brand group-hover:underline">{person.name}</span>
        <span className="ml-2 rounded bg-brand-soft px-1.5 text-xs text-brand">{person.level}</span>
        <span className="mt-1 block text-sm text-muted">{person.region}</span>
        <span className="mt-2 line-clamp-3 block text-sm">{person.deed}</span>
        <span className="mt-2 block text-xs text-muted">点赞 {person.likeCount}</span>
      </Link>
    </li>
  );
}
