import { Link } from '@/app/_components/page-link';
import type { MediaVariant } from '@/db/schema';
import { PersonPhoto } from './good-people/person-photo';

export type PersonCardData = {
  id: number;
  name: string;
  category: string;
  level: string;
  region: string;
  deed: string;
  likeCount: number;
  photo?: string | null;
  photoAlt?: string | null;
  photoVariants?: MediaVariant[] | null;
};

/** One person in a list: name first (lists and tests read it from the link's first text), badges, deed. */
export function PersonCard({ person, footer }: { person: PersonCardData; footer?: React.ReactNode }) {
  return (
    <li className="flex flex-col rounded-lg border border-line bg-white p-4">
      <Link href={`/good-people/${person.id}`} className="group block">
        {/* The link already says the name: without a description the photo is decorative here. */}
        <div className="mb-3 empty:hidden">
          <PersonPhoto
            photo={person.photo}
            variants={person.photoVariants}
            alt=""
            describedAlt={person.photoAlt}
            sizes="(min-width: 1280px) 18rem, (min-width: 640px) 45vw, 100vw"
            width={320}
            className="aspect-[4/3] w-full rounded object-cover"
          />
        </div>
        <span className="text-lg font-bold group-hover:text-brand group-hover:underline">{person.name}</span>
        <span className="ml-2 rounded bg-brand-soft px-1.5 text-xs text-brand">{person.level}</span>
        <span className="ml-1 rounded border border-line px-1.5 text-xs text-muted">{person.category}</span>
        <span className="mt-1 block text-sm text-muted">{person.region}</span>
        <span className="mt-2 line-clamp-3 block text-sm">{person.deed}</span>
        <span className="mt-2 block text-xs text-muted">点赞 {person.likeCount}</span>
      </Link>
      {footer && <div className="mt-3 border-t border-line pt-3">{footer}</div>}
    </li>
  );
}
