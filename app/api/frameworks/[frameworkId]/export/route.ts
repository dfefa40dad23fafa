import { errorResponse } from "@/lib/actions/http";
import { getViewer } from "@/lib/auth/viewer";
import { exportFramework } from "@/lib/data/framework-admin";

// GET /api/frameworks/:frameworkId/export?format=json|yaml|markdown-en|markdown-zh
export async function GET(request: Request, ctx: { params: Promise<{ frameworkId: string }> }) {
  try {
    const { frameworkId } = await ctx.params;
    const format = new URL(request.url).searchParams.get("format") ?? undefined;
    const file = await exportFramework(await getViewer(), { frameworkId, format });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
