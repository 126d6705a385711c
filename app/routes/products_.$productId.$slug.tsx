// `/products/12/buoi-da-xanh-loai-1`: the readable form of `/products/12`; the slug is decoration, the id decides.
import ProductPage, { ErrorBoundary, loader, meta } from "./products.$productId";

export { ErrorBoundary, loader, meta };
export default ProductPage;
