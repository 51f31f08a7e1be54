using Microsoft.AspNetCore.Http;

namespace ContactCenter.Api.Endpoints;

/// <summary>The status code and body value of a typed result, unwrapping Results&lt;...&gt; unions.</summary>
internal static class ResultParts
{
    public static (IResult? Inner, int Status, object? Value) Of(object? result)
    {
        var inner = result is INestedHttpResult nested ? nested.Result : result as IResult;
        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        return (inner, status, (inner as IValueHttpResult)?.Value);
    }
}
