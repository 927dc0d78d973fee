import type { Image } from '../news/types.ts';

/** The article's main picture: loads first, and has its space reserved before it arrives. */
export function LeadImage({ image }: { image: Image }) {
  return (
    <figure className="lead-image">
      <img
        src={image.src}
        alt={image.alt}
        width={image.width ?? 1200}
        height={image.height ?? 675}
        fetchPriority="high"
        decoding="async"
      />
      {(image.caption ?? image.credit) && (
        <figcaption>
          {image.caption && <bdi>{image.caption}</bdi>}
          {image.credit && (
            <span className="lead-image__credit">
              {' '}
              <bdi>{image.credit}</bdi>
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
