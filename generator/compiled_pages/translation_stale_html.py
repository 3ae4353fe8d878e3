"""translation_stale.html, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "870a3b370ebd54074a23f938ca06b7d0426860b947ce0cd87376bf758d0fae22"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'translation_stale.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_time = resolve('time')
    l_0_corrected = resolve('corrected')
    l_0_original = resolve('original')
    l_0_original_language = resolve('original_language')
    l_0_original_name = resolve('original_name')
    pass
    yield '<p class="statement-notice statement-notice--translation statement-notice--stale" role="note" data-statement-translation="stale">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This translation was made before the original was corrected on %(date)s, so it may not say everything the original says.', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), context.call(environment.getattr((undefined(name='corrected') if l_0_corrected is missing else l_0_corrected), 'isoformat')), (undefined(name='corrected') if l_0_corrected is missing else l_0_corrected)))))
    yield ' <a href="'
    yield escape(environment.finalize((undefined(name='original') if l_0_original is missing else l_0_original)))
    yield '" hreflang="'
    yield escape(environment.finalize((undefined(name='original_language') if l_0_original_language is missing else l_0_original_language)))
    yield '">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read the original in %(language)s', language=(undefined(name='original_name') if l_0_original_name is missing else l_0_original_name))))
    yield '</a></p>'

blocks = {}
debug_info = '2=18'
