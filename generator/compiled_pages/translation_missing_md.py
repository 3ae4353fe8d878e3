"""translation_missing.md, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "a734b0a2e1d24467ce6690d5aa6d6863df3e93d79c18482ff4e997ac905cceda"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'translation_missing.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0__ = resolve('_')
    l_0_version = resolve('version')
    l_0_kind = resolve('kind')
    l_0_time = resolve('time')
    l_0_language_name = resolve('language_name')
    l_0_original = resolve('original')
    l_0_original_language = resolve('original_language')
    l_0_original_name = resolve('original_name')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '# '
    yield escape(environment.finalize(t_1((undefined(name='title') if l_0_title is missing else l_0_title))))
    yield '\n\n<div class="statement-header statement-header--translation-missing" role="note" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Translation')))
    yield '"'
    if (undefined(name='version') if l_0_version is missing else l_0_version):
        pass
        yield ' data-statement-version="'
        yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key')))
        yield '"'
    yield ' data-statement-translation="missing">\n'
    if ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'version'):
        pass
        yield '<p class="statement-notice statement-notice--translation">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The version effective %(date)s is not yet translated into %(language)s.', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key'), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), language=(undefined(name='language_name') if l_0_language_name is missing else l_0_language_name))))
        yield ' <a class="statement-link statement-link--primary" href="'
        yield escape(environment.finalize((undefined(name='original') if l_0_original is missing else l_0_original)))
        yield '" hreflang="'
        yield escape(environment.finalize((undefined(name='original_language') if l_0_original_language is missing else l_0_original_language)))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read it in %(language)s', language=(undefined(name='original_name') if l_0_original_name is missing else l_0_original_name))))
        yield '</a></p>\n'
    elif ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'changes'):
        pass
        yield '<p class="statement-notice statement-notice--translation">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed in the version effective %(date)s is not yet translated into %(language)s.', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key'), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), language=(undefined(name='language_name') if l_0_language_name is missing else l_0_language_name))))
        yield ' <a class="statement-link statement-link--primary" href="'
        yield escape(environment.finalize((undefined(name='original') if l_0_original is missing else l_0_original)))
        yield '" hreflang="'
        yield escape(environment.finalize((undefined(name='original_language') if l_0_original_language is missing else l_0_original_language)))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read the changes in %(language)s', language=(undefined(name='original_name') if l_0_original_name is missing else l_0_original_name))))
        yield '</a></p>\n'
    elif ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'first'):
        pass
        yield '<p class="statement-notice statement-notice--translation">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The version effective %(date)s is the first one translated into %(language)s: there is no earlier translation to compare it with.', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key'), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), language=(undefined(name='language_name') if l_0_language_name is missing else l_0_language_name))))
        yield ' <a class="statement-link statement-link--primary" href="'
        yield escape(environment.finalize((undefined(name='original') if l_0_original is missing else l_0_original)))
        yield '" hreflang="'
        yield escape(environment.finalize((undefined(name='original_language') if l_0_original_language is missing else l_0_original_language)))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read the changes in %(language)s', language=(undefined(name='original_name') if l_0_original_name is missing else l_0_original_name))))
        yield '</a></p>\n'
    else:
        pass
        yield '<p class="statement-notice statement-notice--translation">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No version is translated into %(language)s yet.', language=(undefined(name='language_name') if l_0_language_name is missing else l_0_language_name))))
        yield ' <a class="statement-link statement-link--primary" href="'
        yield escape(environment.finalize((undefined(name='original') if l_0_original is missing else l_0_original)))
        yield '" hreflang="'
        yield escape(environment.finalize((undefined(name='original_language') if l_0_original_language is missing else l_0_original_language)))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare the versions in %(language)s', language=(undefined(name='original_name') if l_0_original_name is missing else l_0_original_name))))
        yield '</a></p>\n'
    yield '</div>'

blocks = {}
debug_info = '3=27&5=29&6=37&7=40&8=48&9=51&10=59&11=62&13=73'
