import { useEffect, useRef, useState } from 'react';
import styles from './response-body.module.css';

export function ImagePreview({ bytes, contentType }: { bytes: Uint8Array; contentType: string | null }) {
  const imgRef = useRef<HTMLImageElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useEffect(() => {
    // A blob: URL (allowed by the CSP's img-src) rather than a data: URL, which would copy the image into a string.
    // Set on the element directly so the URL's lifetime is exactly this effect's.
    const objectUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType ?? 'image/*' }));
    if (imgRef.current) imgRef.current.src = objectUrl;
    return () => URL.revokeObjectURL(objectUrl);
  }, [bytes, contentType]);
  return (
    <figure className={styles.image}>
      <img ref={imgRef} alt="Response image" onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })} />
      {size && (
        <figcaption>
          {size.w} × {size.h} px
        </figcaption>
      )}
    </figure>
  );
}
